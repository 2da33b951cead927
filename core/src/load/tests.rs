//! Loading layers: paths, cycles, built-in layers, and an order that the
//! order of `extends` entries does not change.

use super::*;

fn messages(diagnostics: Diagnostics) -> Vec<String> {
    diagnostics
        .into_vec()
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The messages of loading `file` under `root`.
fn load_messages(root: &Path, file: &str) -> Vec<String> {
    let mut diagnostics = Diagnostics::default();
    load(root, file, &mut diagnostics);
    messages(diagnostics)
}

/// Writes `files` under a fresh directory and returns it.
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("tencent-errors-load-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    root
}

#[test]
fn absolute_path_is_refused() {
    let mut diagnostics = Diagnostics::default();
    let loaded = load(Path::new("/tmp"), "/etc/codes.toml", &mut diagnostics);
    assert!(loaded.layers.is_empty());
    assert!(diagnostics.as_slice()[0]
        .message
        .starts_with("absolute path `/etc/codes.toml`"));
}

#[test]
fn missing_file_names_the_path_and_where_it_starts() {
    let mut diagnostics = Diagnostics::default();
    load(
        Path::new("/nonexistent-root"),
        "codes/none.toml",
        &mut diagnostics,
    );
    let message = diagnostics.as_slice()[0].to_string();
    assert!(
        message.starts_with("cannot read `codes/none.toml`"),
        "{message}"
    );
    assert!(message.contains("(CARGO_MANIFEST_DIR)"), "{message}");
    assert!(!message.contains("/nonexistent-root"), "{message}");
}

#[test]
fn the_builtin_layer_loads_without_errors() {
    let mut diagnostics = Diagnostics::default();
    schema::parse(&Arc::from(BUILTIN_LABEL), BUILTIN_SOURCE, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{:?}", diagnostics.as_slice());
    let loaded = load_builtin(&mut diagnostics);
    assert!(diagnostics.is_empty(), "{:?}", diagnostics.as_slice());
    assert_eq!(loaded.layers.len(), 1);
    assert!(loaded.extends_builtin());
}

#[test]
fn layers_come_before_the_files_that_extend_them() {
    let root = tree(
        "order",
        &[
            ("codes/mdl.toml", "extends = [\"tencent-errors\", \"../shared.toml\"]\n[InvalidParameter.Name]\ndescription = \"n\"\n"),
            ("shared.toml", "extends = [\"tencent-errors\"]\n[FailedOperation.Shared]\ndescription = \"s\"\n"),
        ],
    );
    let mut diagnostics = Diagnostics::default();
    let loaded = load(&root, "codes/mdl.toml", &mut diagnostics);
    assert!(diagnostics.is_empty(), "{:?}", messages(diagnostics));
    let labels: Vec<&str> = loaded
        .layers
        .iter()
        .map(|layer| layer.label.as_ref())
        .collect();
    assert_eq!(labels, [BUILTIN_LABEL, "shared.toml", "codes/mdl.toml"]);
    assert_eq!(loaded.layers[2].ancestors, HashSet::from([0, 1]));
    assert_eq!(loaded.files().len(), 2);
}

#[test]
fn the_order_of_extends_entries_does_not_change_the_layers() {
    let orders = [
        "\"b.toml\", \"tencent-errors\", \"a.toml\"",
        "\"a.toml\", \"b.toml\", \"tencent-errors\"",
    ];
    let labels: Vec<Vec<String>> = orders
        .iter()
        .enumerate()
        .map(|(index, order)| {
            let root = tree(
                &format!("shuffle{index}"),
                &[
                    (
                        "top.toml",
                        &format!("extends = [{order}]\n[T]\ndescription = \"t\"\n"),
                    ),
                    ("a.toml", "[A]\ndescription = \"a\"\n"),
                    ("b.toml", "[B]\ndescription = \"b\"\n"),
                ],
            );
            let mut diagnostics = Diagnostics::default();
            let loaded = load(&root, "top.toml", &mut diagnostics);
            assert!(diagnostics.is_empty(), "{:?}", messages(diagnostics));
            loaded
                .layers
                .iter()
                .map(|layer| layer.label.to_string())
                .collect()
        })
        .collect();
    assert_eq!(labels[0], ["a.toml", "b.toml", BUILTIN_LABEL, "top.toml"]);
    assert_eq!(labels[0], labels[1]);
}

#[test]
fn a_cycle_is_an_error_not_a_hang() {
    let root = tree(
        "cycle",
        &[
            (
                "a.toml",
                "extends = [\"b.toml\"]\n[A]\ndescription = \"a\"\n",
            ),
            (
                "b.toml",
                "extends = [\"a.toml\"]\n[B]\ndescription = \"b\"\n",
            ),
        ],
    );
    let messages = load_messages(&root, "a.toml");
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("b.toml:1:12: `extends` makes a cycle: a.toml -> b.toml -> a.toml"),
        "{}",
        messages[0]
    );
}

#[test]
fn unknown_and_missing_layers_are_errors() {
    let root = tree(
        "unknown",
        &[(
            "a.toml",
            "extends = [\"tencent_errors\", \"gone.toml\"]\n[A]\ndescription = \"a\"\n",
        )],
    );
    let messages = load_messages(&root, "a.toml");
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("unknown `extends` entry `tencent_errors`"));
    assert!(messages[0].contains("did you mean `tencent-errors`?"));
    assert!(
        messages[1].starts_with("a.toml:1:30: cannot read `gone.toml`"),
        "{}",
        messages[1]
    );
}

/// Two versions of one product, the newer one its default.
struct Catalogue;

impl BuiltinLayers for Catalogue {
    fn layer(&self, name: &str) -> Option<BuiltinLayer> {
        let (name, source) = match name {
            "tencent-errors/cvm" | "tencent-errors/cvm/2017-03-12" => (
                "tencent-errors/cvm/2017-03-12",
                "extends = [\"tencent-errors\"]\n[ResourceNotFound.Disk]\ndescription = \"d\"\n",
            ),
            "tencent-errors/cvm/2016-01-01" => (
                name,
                "extends = [\"../x.toml\"]\n[Old]\ndescription = \"o\"\n",
            ),
            _ => return None,
        };
        Some(BuiltinLayer {
            name: name.to_owned(),
            source: source.into(),
        })
    }

    fn names(&self) -> Vec<String> {
        [
            "tencent-errors/cvm",
            "tencent-errors/cvm/2017-03-12",
            "tencent-errors/cvm/2016-01-01",
        ]
        .map(String::from)
        .to_vec()
    }
}

#[test]
fn builtin_layers_come_from_the_hook_once_each() {
    let root = tree(
        "builtin",
        &[(
            "a.toml",
            "extends = [\"tencent-errors/cvm\", \"tencent-errors/cvm/2017-03-12\"]\n[ResourceNotFound.Disk.Gone]\ndescription = \"g\"\n",
        )],
    );
    let mut diagnostics = Diagnostics::default();
    let loaded = load_with(&root, "a.toml", &Catalogue, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{:?}", messages(diagnostics));
    let labels: Vec<&str> = loaded
        .layers
        .iter()
        .map(|layer| layer.label.as_ref())
        .collect();
    assert_eq!(
        labels,
        [
            BUILTIN_LABEL,
            "tencent-errors/cvm/2017-03-12/codes.toml",
            "a.toml"
        ]
    );
    assert!(loaded.extends_builtin());
    assert_eq!(
        loaded.files().len(),
        1,
        "built-in layers are no files to track"
    );
    let cvm = &loaded.layers[1].file;
    assert_eq!(cvm.tables.last().unwrap().path, "ResourceNotFound.Disk");
}

#[test]
fn unknown_builtin_layers_are_errors_with_a_guess() {
    let root = tree(
        "builtin-unknown",
        &[(
            "a.toml",
            "extends = [\"tencent-errors/cvn\", \"tencent-errors/cvm/2016-01-01\"]\n[A]\ndescription = \"a\"\n",
        )],
    );
    let mut diagnostics = Diagnostics::default();
    load_with(&root, "a.toml", &Catalogue, &mut diagnostics);
    let messages = messages(diagnostics);
    assert_eq!(messages.len(), 2, "{messages:?}");
    // Layers load in the order of their names: `cvm/2016-01-01` before `cvn`.
    assert!(
        messages[1].starts_with("a.toml:1:12: unknown built-in layer `tencent-errors/cvn`"),
        "{}",
        messages[1]
    );
    assert!(
        messages[1].contains("did you mean `tencent-errors/cvm`"),
        "{}",
        messages[1]
    );
    assert!(
        messages[0].contains("built-in layer `tencent-errors/cvm/2016-01-01/codes.toml` extends the file `../x.toml`"),
        "{}",
        messages[0]
    );
}

#[test]
fn without_a_catalogue_builtin_names_are_unknown() {
    let root = tree(
        "builtin-none",
        &[(
            "a.toml",
            "extends = [\"tencent-errors/cvm\"]\n[A]\ndescription = \"a\"\n",
        )],
    );
    let messages = load_messages(&root, "a.toml");
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("no built-in layers but `tencent-errors` are available here"));
}

#[test]
fn labels_are_normalized() {
    assert_eq!(normalize(Path::new("codes/../shared.toml")), "shared.toml");
    assert_eq!(normalize(Path::new("../x/./y.toml")), "../x/y.toml");
}
