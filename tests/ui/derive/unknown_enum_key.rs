use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
#[tencent(code = "codes.toml")]
enum CreateError {
    #[tencent(code = "InternalError")]
    Internal,
}

fn main() {}
