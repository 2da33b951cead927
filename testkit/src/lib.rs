//! What the tests and the benchmark commands of tencent-errors share.
//!
//! - [`http_date`]: a `Date` header's text, for the test servers' answers.
//! - [`RedisServer`]: a real `redis-server` (the Debian package) on a free
//!   loopback port, that a test can stop, pause, resume and restart.
//!   Dropping it kills it. The runtime's own tests, the Redis integration
//!   tests and the fleet simulation all start theirs with it.
#![deny(missing_docs)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How many ports (or, for a restart, tries on the same port) before giving up.
const START_ATTEMPTS: usize = 20;

/// A `redis-server` process on `127.0.0.1`, killed when dropped.
///
/// Each server writes its pid to `<target>/tmp/redis-<port>.pid`, `<target>`
/// being the cargo target directory the running executable was built in, so
/// that CI can kill any server a crashed test process left behind.
#[derive(Debug)]
pub struct RedisServer {
    port: u16,
    child: Option<Child>,
    pid_file: Option<PathBuf>,
}

impl RedisServer {
    /// Starts a server on a port that was free a moment ago. Another
    /// process (a client's ephemeral port, a parallel test) may take it
    /// before the server binds it: then another port is tried.
    ///
    /// # Panics
    ///
    /// If `redis-server` is not installed, or does not start on
    /// 20 ports in turn.
    pub fn start() -> RedisServer {
        let pid_dir = target_tmp_dir();
        let mut failures = Vec::new();
        for _ in 0..START_ATTEMPTS {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|listener| listener.local_addr())
                .expect("a free loopback port")
                .port();
            let mut server = RedisServer {
                port,
                child: None,
                pid_file: pid_dir
                    .as_deref()
                    .map(|dir| dir.join(format!("redis-{port}.pid"))),
            };
            match server.launch() {
                Ok(()) => return server,
                Err(failure) => failures.push(failure),
            }
        }
        panic!("redis-server did not start on {START_ATTEMPTS} ports: {failures:?}");
    }

    /// The server's URL, as the `redis` crate takes it.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// Kills the server (its data is lost: nothing is saved).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(pid_file) = &self.pid_file {
            let _ = std::fs::remove_file(pid_file);
        }
    }

    /// A fresh server on the same port, as after a crash and a restart.
    ///
    /// # Panics
    ///
    /// If it does not start in 20 tries.
    pub fn restart(&mut self) {
        self.stop();
        let mut failures = Vec::new();
        for _ in 0..START_ATTEMPTS {
            match self.launch() {
                Ok(()) => return,
                Err(failure) => failures.push(failure),
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("redis-server did not restart: {failures:?}");
    }

    /// Freezes the server (SIGSTOP): connections stay open, nothing answers.
    pub fn pause(&self) {
        self.signal("-STOP");
    }

    /// Thaws a paused server (SIGCONT).
    pub fn resume(&self) {
        self.signal("-CONT");
    }

    fn signal(&self, signal: &str) {
        let pid = self.child.as_ref().expect("a running server").id();
        let status = Command::new("kill")
            .arg(signal)
            .arg(pid.to_string())
            .status()
            .expect("kill(1)");
        assert!(status.success(), "kill {signal} {pid}");
    }

    /// Starts the process and waits for its PING; an error if it exited
    /// at start (most often: the port is taken).
    fn launch(&mut self) -> Result<(), String> {
        let mut command = Command::new("redis-server");
        command
            .args(["--bind", "127.0.0.1", "--port", &self.port.to_string()])
            .args(["--save", "", "--appendonly", "no", "--daemonize", "no"]);
        if let Some(pid_file) = &self.pid_file {
            command.arg("--pidfile").arg(pid_file);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot start redis-server ({error}): install the Debian package \
                     `redis-server` (apt-get install -y redis-server)"
                )
            });
        self.child = Some(child);
        self.wait_until_ready()
    }

    fn wait_until_ready(&mut self) -> Result<(), String> {
        let give_up = Instant::now() + Duration::from_secs(10);
        while Instant::now() < give_up {
            let child = self.child.as_mut().expect("a launched server");
            if let Some(status) = child.try_wait().expect("the server's status") {
                self.stop();
                return Err(format!(
                    "redis-server exited at start ({status}); is port {} taken?",
                    self.port
                ));
            }
            if ping(self.port) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "redis-server did not answer PING on port {} within 10 s",
            self.port
        );
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        if let Some(child) = &self.child {
            // A stopped process dies of SIGKILL too; resume anyway so that
            // nothing is left frozen if kill fails.
            let _ = Command::new("kill")
                .arg("-CONT")
                .arg(child.id().to_string())
                .status();
        }
        self.stop();
    }
}

/// Whether a Redis server answers `PING` on `port`.
fn ping(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut answer = [0u8; 7];
    stream.write_all(b"PING\r\n").is_ok()
        && stream.read_exact(&mut answer).is_ok()
        && &answer == b"+PONG\r\n"
}

/// `<target>/tmp` of the target directory the running executable lives in
/// (the nearest ancestor with cargo's `CACHEDIR.TAG`), created if need be;
/// `None` for an executable outside a target directory.
fn target_tmp_dir() -> Option<PathBuf> {
    let executable = std::env::current_exe().ok()?;
    let target = executable
        .ancestors()
        .skip(1)
        .find(|dir| is_target_dir(dir))?;
    let tmp = target.join("tmp");
    std::fs::create_dir_all(&tmp).ok()?;
    Some(tmp)
}

fn is_target_dir(dir: &Path) -> bool {
    dir.join("CACHEDIR.TAG").is_file()
}

/// Formats `time` as an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), as
/// a server writes its `Date` header.
///
/// # Panics
///
/// For a time before 1970.
pub fn http_date(time: SystemTime) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let seconds = time.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
    let (days, of_day) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[month as usize - 1],
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pid_file_goes_under_the_target_directory_of_the_test() {
        let tmp = target_tmp_dir().expect("tests run from a target directory");
        assert!(is_target_dir(tmp.parent().unwrap()), "{}", tmp.display());
        let executable = std::env::current_exe().unwrap();
        assert!(executable.starts_with(tmp.parent().unwrap()));
    }

    #[test]
    fn dates_are_imf_fixdates() {
        let date = UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(http_date(date), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(http_date(UNIX_EPOCH), "Thu, 01 Jan 1970 00:00:00 GMT");
        let leap = UNIX_EPOCH + Duration::from_secs(951_825_600);
        assert_eq!(http_date(leap), "Tue, 29 Feb 2000 12:00:00 GMT");
    }
}
