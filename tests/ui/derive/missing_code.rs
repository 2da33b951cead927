use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
enum CreateError {
    #[tencent(code = "InternalError")]
    Internal,
    /// Forgot its code.
    NameTaken,
}

fn main() {}
