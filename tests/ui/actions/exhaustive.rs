use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
#[tencent(product = "mdl", action = "CreateStreamLiveChannel", exhaustive)]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(code = "InternalError")]
    Internal,
    #[tencent(other)]
    Other(String),
}

fn main() {}
