use tencent_errors::TencentError;

// One mistake, one error: the missing file, not also every code "not in" it.
#[derive(Debug, TencentError)]
#[tencent(codes = "typo.toml")]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Name")]
    NameTaken,
    #[tencent(code = "InternalError")]
    Internal,
    #[tencent(other)]
    Other(String),
}

fn main() {}
