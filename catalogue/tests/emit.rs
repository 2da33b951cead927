//! The tokens of a product's module: what each variant's doc says.

use tencent_errors_catalogue::emit::product_module;
use tencent_errors_catalogue::layers::CatalogueLayers;

#[test]
fn product_variants_document_their_code_and_description_only() {
    let tokens = product_module("cvm", "cvm", &CatalogueLayers::shipped()).to_string();
    // English and Chinese in the descriptions table, English in the doc.
    assert!(tokens.contains("\" `InvalidInstanceId.NotFound`: "));
    assert!(
        tokens.contains("该实例"),
        "the Chinese descriptions are in the table"
    );
    assert!(
        !tokens.contains("\\n\\n 该实例"),
        "no second, Chinese paragraph in a doc"
    );
    assert!(!tokens.contains("Retry class"), "retry_class() says it");
    assert!(!tokens.contains("alias"), "no doc alias per variant");
}
