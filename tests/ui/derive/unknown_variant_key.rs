use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
enum CreateError {
    #[tencent(cdoe = "InternalError")]
    Internal,
}

fn main() {}
