// The workloads of issue 6 on Rust's std, the reference fearless is measured
// against. Same operation counts as bench/runtime/workloads.hpp.
//
//   rustc -O --edition 2021 runtime.rs -o runtime
//   ./runtime [WORKLOAD...]     (default: all)
//
// Prints one line per workload, as the C++ binaries do with --machine:
//   <name> <value> <unit> <count>      unit: msg/s or ns/op
use std::hint::black_box;
use std::rc::Rc;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Instant;

const CHANNEL_MSGS: u64 = 5_000_000; // total, split among producers
const SYNC_CAPACITY: usize = 1024;
const MUTEX_OPS: u64 = 20_000_000; // lock+unlock, one thread
const CONTENDED_OPS: u64 = 4_000_000; // total over both threads
const ARC_OPS: u64 = 20_000_000; // clone+drop
const RC_OPS: u64 = 50_000_000; // clone+drop

// Sender and SyncSender, behind one face for the channel workload.
trait Tx: Clone + Send + 'static {
    fn put(&self, v: u64);
}
impl Tx for mpsc::Sender<u64> {
    fn put(&self, v: u64) {
        self.send(v).unwrap();
    }
}
impl Tx for mpsc::SyncSender<u64> {
    fn put(&self, v: u64) {
        self.send(v).unwrap();
    }
}

// `producers` threads send CHANNEL_MSGS / producers messages each through
// their own sender; this thread receives until every sender is gone. Timed
// from creating the channel (`start`) to joining the producers.
fn channel_workload<S: Tx>(start: Instant, tx: S, rx: mpsc::Receiver<u64>, producers: u64) -> (f64, u64) {
    let per = CHANNEL_MSGS / producers;
    let handles: Vec<_> = (0..producers)
        .map(|_| {
            let tx = tx.clone();
            thread::spawn(move || {
                for i in 0..per {
                    tx.put(i);
                }
            })
        })
        .collect();
    drop(tx); // only the producers' senders remain
    let (mut received, mut sum) = (0u64, 0u64);
    for v in rx.iter() {
        sum = sum.wrapping_add(v);
        received += 1;
    }
    for h in handles {
        h.join().unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    black_box(sum);
    assert_eq!(received, per * producers, "messages lost");
    (received as f64 / secs, received)
}

fn unbounded(producers: u64) -> (f64, u64) {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel::<u64>();
    channel_workload(start, tx, rx, producers)
}

fn bounded(producers: u64) -> (f64, u64) {
    let start = Instant::now();
    let (tx, rx) = mpsc::sync_channel::<u64>(SYNC_CAPACITY);
    channel_workload(start, tx, rx, producers)
}

fn ns_per_op(start: Instant, ops: u64) -> (f64, u64) {
    (start.elapsed().as_secs_f64() * 1e9 / ops as f64, ops)
}

fn mutex_uncontended() -> (f64, u64) {
    let m = Mutex::new(0u64);
    let start = Instant::now();
    for _ in 0..MUTEX_OPS {
        *m.lock().unwrap() += 1;
    }
    let r = ns_per_op(start, MUTEX_OPS);
    black_box(*m.lock().unwrap());
    r
}

fn mutex_contended_2t() -> (f64, u64) {
    let m = Mutex::new(0u64);
    let per = CONTENDED_OPS / 2;
    let start = Instant::now();
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                for _ in 0..per {
                    *m.lock().unwrap() += 1;
                }
            });
        }
    });
    let r = ns_per_op(start, 2 * per);
    assert_eq!(*m.lock().unwrap(), 2 * per, "increments lost");
    r
}

fn arc_clone_drop() -> (f64, u64) {
    let a = Arc::new(0u64);
    let start = Instant::now();
    for _ in 0..ARC_OPS {
        let c = Arc::clone(&a);
        black_box(&c);
    }
    ns_per_op(start, ARC_OPS)
}

fn rc_clone_drop() -> (f64, u64) {
    let r = Rc::new(0u64);
    let start = Instant::now();
    for _ in 0..RC_OPS {
        let c = Rc::clone(&r);
        black_box(&c);
    }
    ns_per_op(start, RC_OPS)
}

const WORKLOADS: [(&str, &str, fn() -> (f64, u64)); 8] = [
    ("channel_unbounded_1p1c", "msg/s", || unbounded(1)),
    ("channel_unbounded_4p1c", "msg/s", || unbounded(4)),
    ("sync_channel_1p1c", "msg/s", || bounded(1)),
    ("sync_channel_4p1c", "msg/s", || bounded(4)),
    ("mutex_uncontended", "ns/op", mutex_uncontended),
    ("mutex_contended_2t", "ns/op", mutex_contended_2t),
    ("arc_clone_drop", "ns/op", arc_clone_drop),
    ("rc_clone_drop", "ns/op", rc_clone_drop),
];

fn main() {
    // As the C++ binaries do: start a thread before measuring, so all three
    // run in a process that has left single-threaded mode.
    thread::spawn(|| {}).join().unwrap();
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    for name in &wanted {
        if !WORKLOADS.iter().any(|w| w.0 == name) {
            eprintln!("unknown workload: {name}");
            std::process::exit(2);
        }
    }
    for (name, unit, run) in WORKLOADS {
        if wanted.is_empty() || wanted.iter().any(|w| w == name) {
            let (value, count) = run();
            println!("{name} {value} {unit} {count}");
        }
    }
}
