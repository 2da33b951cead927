use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
#[tencent(display = false)]
#[tencent(display = true)]
enum CreateChannelError {
    #[tencent(code = "InternalError", code = "RequestLimitExceeded")]
    Internal,
    #[tencent(code = "InvalidParameter", retry = "never")]
    #[tencent(retry = "transient")]
    Invalid,
    #[tencent(other)]
    Other(String),
}

fn main() {}
