use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
#[tencent(product = "mdll", action = "CreateStreamLiveChannel")]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(other)]
    Other(String),
}

fn main() {}
