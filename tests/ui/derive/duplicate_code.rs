use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
enum CreateError {
    #[tencent(code = "RequestLimitExceeded")]
    Throttled,
    #[tencent(code = "RequestLimitExceeded")]
    TooFast,
}

fn main() {}
