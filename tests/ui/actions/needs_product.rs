use tencent_errors::TencentError;

// `action` without `product`; `exhaustive` without `action`.
#[derive(Debug, TencentError)]
#[tencent(action = "CreateStreamLiveChannel")]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(other)]
    Other(String),
}

#[derive(Debug, TencentError)]
#[tencent(product = "mdl", exhaustive)]
enum DeleteChannelError {
    #[tencent(code = "InternalError")]
    Internal,
}

fn main() {}
