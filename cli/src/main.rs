//! `tencent-errors`: see `tencent-errors --help`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use tencent_errors_catalogue::read::read_catalogue;
use tencent_errors_cli::args::{Cli, Command, ExportArgs};
use tencent_errors_cli::{export, import};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Import(args) => import::run(args)
            .map(|summary| print!("{summary}"))
            .map_err(|e| e.to_string()),
        Command::Export(args) => run_export(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run_export(args: &ExportArgs) -> Result<(), String> {
    let root = args
        .catalogue
        .as_deref()
        .unwrap_or_else(|| tencent_errors_catalogue::root());
    let catalogue = read_catalogue(root).map_err(|error| error.to_string())?;
    let written = match &args.output {
        Some(path) => {
            let file =
                File::create(path).map_err(|error| format!("{}: {error}", path.display()))?;
            let mut out = BufWriter::new(file);
            export::write_jsonl(&catalogue, &mut out).and_then(|()| out.flush())
        }
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            export::write_jsonl(&catalogue, &mut out).and_then(|()| out.flush())
        }
    };
    written.map_err(|error| format!("writing the export: {error}"))
}
