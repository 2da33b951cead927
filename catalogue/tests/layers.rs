//! A user's codes.toml extends a shipped product through the core's loader.

use std::path::PathBuf;

use tencent_errors_catalogue::layers::CatalogueLayers;
use tencent_errors_core::diagnostic::Diagnostics;
use tencent_errors_core::load::load_with;

/// A folder holding `codes.toml` with `text`.
fn user_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "tencent-errors-catalogue-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("codes.toml"), text).unwrap();
    dir
}

fn messages(diagnostics: Diagnostics) -> Vec<String> {
    diagnostics
        .into_vec()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn extending_a_product_adds_its_codes_and_the_common_ones() {
    let dir = user_file(
        "extends",
        "extends = [\"tencent-errors/mdl\"]\n\n[InvalidParameter.Newer]\ndescription = \"A code newer than the catalogue.\"\n\n\
         [InternalError]\ndescription = \"StreamLive met an internal error.\"\nretry = \"never\"\n",
    );
    let mut diagnostics = Diagnostics::default();
    let loaded = load_with(
        &dir,
        "codes.toml",
        &CatalogueLayers::shipped(),
        &mut diagnostics,
    );
    let set = &tencent_errors_core::check::code_set(&loaded, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{:?}", messages(diagnostics));
    assert!(
        set.find("InvalidParameter.Name").is_some(),
        "the product's codes"
    );
    assert!(
        set.find("AuthFailure.SignatureExpire").is_some(),
        "the common codes"
    );
    assert!(
        set.find("InvalidParameter.Newer").is_some(),
        "the user's codes"
    );
    assert_eq!(
        set.find("InternalError").unwrap().retry.as_str(),
        "never",
        "the user's override"
    );
}

#[test]
fn a_product_without_a_version_is_its_newest_version() {
    let layers = CatalogueLayers::shipped();
    use tencent_errors_core::load::BuiltinLayers;
    let iai = layers.layer("tencent-errors/iai").unwrap();
    assert_eq!(iai.name, "tencent-errors/iai/v20200303");
    assert_eq!(
        layers.layer("tencent-errors/iai/v20180301").unwrap().name,
        "tencent-errors/iai/v20180301"
    );
    assert_eq!(
        layers.layer("tencent-errors/iai/2018-03-01").unwrap().name,
        "tencent-errors/iai/v20180301"
    );
    assert!(layers.layer("tencent-errors/iai/v20990101").is_none());
}

#[test]
fn a_misspelt_product_is_an_error_with_a_guess() {
    let dir = user_file(
        "misspelt",
        "extends = [\"tencent-errors/cvn\"]\n\n[A]\ndescription = \"a\"\n",
    );
    let mut diagnostics = Diagnostics::default();
    load_with(
        &dir,
        "codes.toml",
        &CatalogueLayers::shipped(),
        &mut diagnostics,
    );
    let messages = messages(diagnostics);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("tencent-errors/cvn") && messages[0].contains("`tencent-errors/cvm`"),
        "{}",
        messages[0]
    );
}

/// A catalogue of one product-version, `disk/v20200101`, in a folder of its own.
fn small_catalogue(name: &str, actions: &str) -> PathBuf {
    let data = std::env::temp_dir().join(format!(
        "tencent-errors-catalogue-{}-{name}",
        std::process::id()
    ));
    let dir = data.join("disk").join("v20200101");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("codes.toml"),
        "extends = [\"tencent-errors\"]\n\n[ResourceNotFound.Disk]\ndescription = \"No disk.\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("actions.toml"), actions).unwrap();
    data
}

#[test]
fn an_edited_actions_file_is_read_again_and_changes_the_stamp() {
    use tencent_errors_core::load::BuiltinLayers;

    let data = small_catalogue("edited", "AttachDisk = []\n");
    let layers = CatalogueLayers::in_dir(data.clone());
    let before = layers.stamp("tencent-errors/disk").unwrap();
    assert_eq!(before.name, "tencent-errors/disk/v20200101");
    assert_eq!(
        layers.stamp("tencent-errors/disk/v20200101"),
        Some(before.clone())
    );
    assert!(layers.actions("tencent-errors/disk").unwrap()["AttachDisk"].is_empty());

    // Another length, so the stamp moves however coarse the file system's clock.
    std::fs::write(
        data.join("disk/v20200101/actions.toml"),
        "AttachDisk = [\"ResourceNotFound.Disk\", \"InternalError\"]\n",
    )
    .unwrap();
    assert_ne!(layers.stamp("tencent-errors/disk").unwrap(), before);
    assert_eq!(
        layers.actions("tencent-errors/disk").unwrap()["AttachDisk"],
        ["InternalError", "ResourceNotFound.Disk"],
        "read again, sorted"
    );
    std::fs::remove_dir_all(&data).unwrap();
}
