use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
#[tencent(product = "mdl", action = "CreateStreamLiveChannel")]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Nmae")]
    NameTaken,
    // A common code: every action may return it.
    #[tencent(code = "RequestLimitExceeded")]
    Throttled,
    #[tencent(other)]
    Other(String),
}

fn main() {}
