use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
#[tencent(product = "mdl", action = "CreateStreamLiveChanel")]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(other)]
    Other(String),
}

fn main() {}
