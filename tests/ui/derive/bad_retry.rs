use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
enum CreateError {
    #[tencent(code = "InternalError", retry = "transeint")]
    Internal,
}

fn main() {}
