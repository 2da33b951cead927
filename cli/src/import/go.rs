//! The Go SDKs: `client.go` lists, above each action's method, the codes it
//! may return; `errors.go` describes codes as errorcodes.py does.
//!
//! ```text
//! // CreateStreamLiveChannel
//! // 创建频道。
//! //
//! // 可能返回的错误码:
//! //  INVALIDPARAMETER_NAME = "InvalidParameter.Name"
//! func (c *Client) CreateStreamLiveChannel(request *CreateStreamLiveChannelRequest) (...) {
//! ```

use std::collections::BTreeMap;

use super::python::{constant_value, described_constants, Entry};

/// The lines that open an action's list of codes, in the domestic and the
/// international SDK.
const CODE_LIST_MARKERS: [&str; 2] = ["可能返回的错误码:", "error code that may be returned:"];

/// Every action of a client.go with the codes listed above its method
/// (sorted, no duplicates; empty where the SDK lists none).
pub fn parse_client(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut actions = BTreeMap::new();
    // The codes of the list being read, if the comment above has one.
    let mut listed: Option<Vec<String>> = None;
    for line in text.lines() {
        if let Some(comment) = line.strip_prefix("//") {
            let comment = comment.trim();
            if CODE_LIST_MARKERS.contains(&comment) {
                listed = Some(Vec::new());
            } else if let (Some(codes), Some(code)) =
                (listed.as_mut(), constant_value(comment, '='))
            {
                codes.push(code.to_owned());
            }
            continue;
        }
        if let Some(action) = action_method(line) {
            let mut codes = listed.take().unwrap_or_default();
            codes.sort();
            codes.dedup();
            actions.insert(action.to_owned(), codes);
        }
        listed = None;
    }
    actions
}

/// `Action` from `func (c *Client) Action(request *ActionRequest...`: the
/// method without a context (`ActionWithContext(ctx ...` is its twin).
fn action_method(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("func (c *Client) ")?;
    let (name, parameters) = rest.split_once('(')?;
    let is_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    (is_name && parameters.starts_with("request *")).then_some(name)
}

/// The entries of an errors.go: `// description` above `CONST = "Code"`.
pub fn parse_errors(text: &str) -> Vec<Entry> {
    described_constants(text, "//")
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLIENT: &str = r#"
func NewCreateChannelRequest() (request *CreateChannelRequest) {
}

// CreateChannel
// 创建频道。
//
// 可能返回的错误码:
//  INVALIDPARAMETER_NAME = "InvalidParameter.Name"
//  INTERNALERROR = "InternalError"
func (c *Client) CreateChannel(request *CreateChannelRequest) (response *CreateChannelResponse, err error) {
    return c.CreateChannelWithContext(context.Background(), request)
}

// CreateChannel
// 创建频道。
//
// 可能返回的错误码:
//  INVALIDPARAMETER_NAME = "InvalidParameter.Name"
//  INTERNALERROR = "InternalError"
func (c *Client) CreateChannelWithContext(ctx context.Context, request *CreateChannelRequest) (response *CreateChannelResponse, err error) {
}

// DescribeChannels
// Lists channels.
func (c *Client) DescribeChannels(request *DescribeChannelsRequest) (response *DescribeChannelsResponse, err error) {
}

// UploadLog
// error code that may be returned:
//  FAILEDOPERATION = "FailedOperation"
func (c *Client) UploadLog(request *UploadLogRequest, data []byte) (response *UploadLogResponse, err error) {
}
"#;

    #[test]
    fn each_action_gets_the_codes_listed_above_it() {
        let actions = parse_client(CLIENT);
        assert_eq!(
            actions,
            BTreeMap::from([
                (
                    "CreateChannel".to_owned(),
                    vec![
                        "InternalError".to_owned(),
                        "InvalidParameter.Name".to_owned()
                    ]
                ),
                ("DescribeChannels".to_owned(), vec![]),
                ("UploadLog".to_owned(), vec!["FailedOperation".to_owned()]),
            ])
        );
    }

    #[test]
    fn errors_go_comments_describe_codes() {
        let text = "package v1\n\nconst (\n\t// 此产品的特有错误码\n\n\t// 内部错误。\n\tINTERNALERROR = \"InternalError\"\n)\n";
        assert_eq!(
            parse_errors(text),
            [Entry {
                code: "InternalError".into(),
                description: "内部错误。".into()
            }]
        );
    }
}
