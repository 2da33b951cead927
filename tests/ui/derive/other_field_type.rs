use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
enum CreateError {
    #[tencent(code = "InternalError")]
    Internal,
    #[tencent(other)]
    Other(u32),
}

fn main() {}
