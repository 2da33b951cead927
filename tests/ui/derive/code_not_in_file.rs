use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
#[tencent(codes = "codes/mdl.toml")]
enum CreateChannelError {
    #[tencent(code = "InvalidParameter.Nmae")]
    NameTaken,
    #[tencent(code = "InternalError")]
    Internal,
}

fn main() {}
