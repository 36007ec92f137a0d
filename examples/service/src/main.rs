//! `cncd-service [--db FILE] [--listen ADDR] [--as-of YYYY-MM-DD]`: serves the teams of
//! a province over HTTP, stored in a SQLite file, checked by cncd on every write.
//!
//! Defaults: `--db cncd-service.sqlite` (created and seeded with the Ninh Thuận 2022
//! units when missing), `--listen 127.0.0.1:8080`, date rules checked on today. Port 0
//! picks a free port; the first line on stdout says which.

use cncd_service::Config;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: cncd-service [--db FILE] [--listen ADDR] [--as-of YYYY-MM-DD]";

fn main() -> ExitCode {
    let mut config = Config::default();
    let mut listen = String::from("127.0.0.1:8080");
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        let parsed = match flag.as_str() {
            "--db" => value().map(|v| config.db = v.into()),
            "--listen" => value().map(|v| listen = v),
            "--as-of" => value().and_then(|v| {
                chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").map(|d| config.as_of = Some(d)).map_err(|e| format!("--as-of {v:?}: {e}"))
            }),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument {other:?}\n{USAGE}")),
        };
        if let Err(e) = parsed {
            eprintln!("cncd-service: {e}");
            return ExitCode::from(2);
        }
    }
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cncd-service: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let db = config.db.clone();
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&listen).await?;
        let app = cncd_service::router(config).map_err(std::io::Error::other)?;
        println!("cncd-service listening on http://{} (database {})", listener.local_addr()?, db.display());
        std::io::stdout().flush()?;
        axum::serve(listener, app).with_graceful_shutdown(stopped()).await
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cncd-service: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Ctrl-C or SIGTERM: the requests in flight finish, then the service exits.
async fn stopped() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => return std::future::pending().await,
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
