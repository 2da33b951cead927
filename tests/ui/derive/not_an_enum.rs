use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
struct CreateError {
    code: String,
}

fn main() {}
