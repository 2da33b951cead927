use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
enum CreateError {
    #[tencent(code = "Auth..Failure")]
    Auth,
    #[tencent(code = "InternalError.1st")]
    Internal,
}

fn main() {}
