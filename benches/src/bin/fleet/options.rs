//! The command line, parsed in one place.

pub const USAGE: &str = "\
usage: fleet --mode none|local|shared --clients N [--seconds 30] [--rate 10] [--limit 20]

  --mode      none: the retrier alone; local: an adaptive limiter per process;
              shared: the limiter and the retry budget shared through Redis
  --clients   how many client processes (each one process)
  --seconds   how long each client sends (default 30)
  --rate      calls a second each client wants (default 10)
  --limit     requests a second the mock endpoint allows (default 20)

example: cargo run --release -p tencent-errors-benches --bin fleet -- --mode shared --clients 8";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    None,
    Local,
    Shared,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::None => "none",
            Mode::Local => "local",
            Mode::Shared => "shared",
        }
    }
}

/// Whether this process runs the simulation or is one of its clients.
#[derive(Debug, Clone)]
pub enum Role {
    Orchestrate,
    Client {
        endpoint: String,
        redis: Option<String>,
        start_at_ms: u64,
        index: u32,
    },
}

#[derive(Debug, Clone)]
pub struct Options {
    pub role: Role,
    pub mode: Mode,
    pub clients: u32,
    pub seconds: u32,
    pub rate: u32,
    pub limit: u32,
}

impl Options {
    pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
        let (mut mode, mut clients) = (None, None);
        let (mut seconds, mut rate, mut limit) = (30, 10, 20);
        let (mut client, mut endpoint, mut redis, mut start_at_ms, mut index) =
            (false, None, None, None, 0);
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--mode" => {
                    mode = Some(match value()?.as_str() {
                        "none" => Mode::None,
                        "local" => Mode::Local,
                        "shared" => Mode::Shared,
                        other => return Err(format!("unknown mode {other:?}")),
                    })
                }
                "--clients" => clients = Some(number(&flag, &value()?)?),
                "--seconds" => seconds = number(&flag, &value()?)?,
                "--rate" => rate = number(&flag, &value()?)?,
                "--limit" => limit = number(&flag, &value()?)?,
                // Set by the orchestrator for its clients.
                "--role" => client = value()? == "client",
                "--endpoint" => endpoint = Some(value()?),
                "--redis" => redis = Some(value()?),
                "--start-at-ms" => start_at_ms = Some(value()?.parse().map_err(|_| "bad start")?),
                "--index" => index = number(&flag, &value()?)?,
                "-h" | "--help" => return Err("help".to_owned()),
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        let mode = mode.ok_or("--mode is required")?;
        if seconds == 0 || rate == 0 || limit == 0 {
            return Err("--seconds, --rate and --limit must be positive".to_owned());
        }
        let role = if client {
            Role::Client {
                endpoint: endpoint.ok_or("a client needs --endpoint")?,
                redis,
                start_at_ms: start_at_ms.ok_or("a client needs --start-at-ms")?,
                index,
            }
        } else {
            Role::Orchestrate
        };
        let clients = match role {
            Role::Orchestrate => clients.ok_or("--clients is required")?,
            Role::Client { .. } => clients.unwrap_or(1),
        };
        if clients == 0 {
            return Err("--clients must be positive".to_owned());
        }
        Ok(Options {
            role,
            mode,
            clients,
            seconds,
            rate,
            limit,
        })
    }
}

fn number(flag: &str, value: &str) -> Result<u32, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} takes a whole number, not {value:?}"))
}
