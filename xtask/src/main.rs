//! `cargo xtask`: repository commands. `cargo xtask help` lists them.

use std::env;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

use xtask::bench_report::Results;
use xtask::synthetic_codes::{SyntheticCodes, DEFAULT_SEED, DEFAULT_UNKNOWN_SHARE};

const HELP: &str = "\
cargo xtask COMMAND

Commands:
  gen-codes N [--seed S] [--unknown SHARE] [--queries FILE] [--enum derive|strum]
      Writes a codes.toml of N synthetic codes shaped like Tencent Cloud's to
      stdout (seed 2064: the sets of BENCHMARKS.md). --queries also writes the
      codes and SHARE (default 0.10) as many unknown ones, shuffled, one a line.
      --enum writes instead the same codes as Rust source: a
      #[derive(TencentError)] enum, or a strum EnumString enum.

          cargo xtask gen-codes 12388 > /tmp/codes.toml

  bench [RUNS] [lookup|decode ...]
      Builds the benchmarks with the 12,388-code set, runs them RUNS times
      (default 8) back to back and prints the tables of BENCHMARKS.md: each
      figure the lowest of the runs' medians.

  products [--check]
      Writes the files that list the catalogue's products: the features of
      runtime/Cargo.toml, runtime/src/products.rs and
      runtime/tests/every_product.rs. --check only says which are stale.

  bench-report [DIR ...]
      Prints those tables from criterion result directories (default
      target/criterion).
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen-codes") => gen_codes(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("bench-report") => bench_report(&args[1..]),
        Some("products") => products(&args[1..]),
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(Usage(format!("unknown command `{other}`"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Usage(message)) => {
            eprintln!("error: {message}\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

/// A message for the user; the command fails.
struct Usage(String);

impl<E: std::fmt::Display> From<E> for Usage {
    fn from(error: E) -> Usage {
        Usage(error.to_string())
    }
}

fn products(args: &[String]) -> Result<(), Usage> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => return Err(Usage("products takes only --check".to_owned())),
    };
    let stale = xtask::products::stale_files(&root).map_err(Usage)?;
    if check {
        for path in &stale {
            println!("stale: {}", path.display());
        }
        return match stale.is_empty() {
            true => Ok(()),
            false => Err(Usage("run `cargo xtask products`".to_owned())),
        };
    }
    for (path, text) in xtask::products::expected_files(&root).map_err(Usage)? {
        if stale.contains(&path) {
            fs::write(&path, text)?;
            println!("wrote {}", path.display());
        }
    }
    Ok(())
}

fn gen_codes(args: &[String]) -> Result<(), Usage> {
    let mut count = None;
    let mut seed = DEFAULT_SEED;
    let mut unknown = DEFAULT_UNKNOWN_SHARE;
    let mut queries = None;
    let mut rust_enum = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| Usage(format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--seed" => seed = value("--seed")?.parse()?,
            "--unknown" => unknown = value("--unknown")?.parse()?,
            "--queries" => queries = Some(PathBuf::from(value("--queries")?)),
            "--enum" => rust_enum = Some(value("--enum")?.clone()),
            _ if count.is_none() => count = Some(arg.parse::<usize>()?),
            _ => return Err(Usage(format!("unexpected argument `{arg}`"))),
        }
    }
    let count = count.ok_or_else(|| Usage("gen-codes needs a count".into()))?;
    let set = SyntheticCodes::generate(count, seed, unknown);
    if let Some(path) = queries {
        fs::write(&path, &set.queries)
            .map_err(|error| Usage(format!("write {}: {error}", path.display())))?;
    }
    match rust_enum.as_deref() {
        None => print!("{}", set.codes_toml),
        Some("derive") => print!("{}", set.derive_enum()),
        Some("strum") => print!("{}", set.strum_enum()),
        Some(other) => return Err(Usage(format!("--enum {other}: expected derive or strum"))),
    }
    Ok(())
}

fn bench(args: &[String]) -> Result<(), Usage> {
    let (runs, benches) = match args.first().map(|arg| arg.parse::<usize>()) {
        Some(Ok(runs)) => (runs, &args[1..]),
        _ => (8, args),
    };
    let benches: Vec<&str> = match benches {
        [] => vec!["lookup", "decode"],
        names => names.iter().map(String::as_str).collect(),
    };
    let cargo = env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let large = env::var("TENCENT_ERRORS_BENCH_LARGE").unwrap_or_else(|_| "1".into());
    let results = target_directory(&cargo)?.join("criterion-runs");
    if results.exists() {
        fs::remove_dir_all(&results)?;
    }
    let cargo_bench = || {
        let mut command = Command::new(&cargo);
        command
            .args(["bench", "-p", "tencent-errors-benches"])
            .env("TENCENT_ERRORS_BENCH_LARGE", &large);
        command
    };
    run(cargo_bench().arg("--no-run"))?;
    for run_number in 1..=runs {
        for name in &benches {
            eprintln!("run {run_number} of {runs}: {name}");
            run(cargo_bench()
                .args(["-q", "--bench", name])
                .env("CRITERION_HOME", results.join(run_number.to_string()))
                .stdout(Stdio::null()))?;
        }
    }
    let dirs: Vec<PathBuf> = (1..=runs)
        .map(|run| results.join(run.to_string()))
        .collect();
    report(&dirs)
}

fn bench_report(args: &[String]) -> Result<(), Usage> {
    let dirs: Vec<PathBuf> = match args {
        [] => vec![PathBuf::from("target/criterion")],
        dirs => dirs.iter().map(PathBuf::from).collect(),
    };
    report(&dirs)
}

fn report(dirs: &[PathBuf]) -> Result<(), Usage> {
    let mut results = Results::default();
    for dir in dirs {
        results
            .load(dir)
            .map_err(|error| Usage(format!("read {}: {error}", dir.display())))?;
    }
    if results.is_empty() {
        let dirs: Vec<String> = dirs.iter().map(|dir| dir.display().to_string()).collect();
        return Err(Usage(format!(
            "no criterion results under {}",
            dirs.join(", ")
        )));
    }
    print!("{}", results.tables());
    Ok(())
}

/// Cargo's target directory, wherever `CARGO_TARGET_DIR` or a config puts it.
fn target_directory(cargo: &str) -> Result<PathBuf, Usage> {
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .stderr(Stdio::inherit())
        .output()?;
    if !output.status.success() {
        return Err(Usage("cargo metadata failed".into()));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| Usage("cargo metadata gave no target_directory".into()))
}

fn run(command: &mut Command) -> Result<(), Usage> {
    let status = command.status()?;
    if status.success() {
        Ok(())
    } else {
        Err(Usage(format!("{command:?} failed: {status}")))
    }
}
