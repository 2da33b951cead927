use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
enum CreateError {
    #[tencent(code = "InternalError", other)]
    Other(String),
}

fn main() {}
