use tencent_errors::TencentError;

// `InvalidParameter.EndTime` is a StreamLive code, but not one that
// CreateStreamLiveChannel may return.
#[derive(Debug, TencentError)]
#[tencent(product = "mdl", action = "CreateStreamLiveChannel")]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(code = "InvalidParameter.EndTime")]
    EndTime,
    #[tencent(other)]
    Other(String),
}

fn main() {}
