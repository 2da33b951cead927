// Every mistake of one enum is reported in one build, and uses of the enum
// add no errors of their own.
use tencent_errors::TencentError;

#[derive(Debug, TencentError)]
enum CreateError {
    #[tencent(code = "Bad Code")]
    Bad,
    #[tencent(code = "InternalError", retry = "often")]
    Internal,
    #[tencent(colour = "red")]
    Red,
}

fn main() {
    let code = CreateError::from_code("InternalError");
    let _ = code.map(|code| code.retry_class());
}
