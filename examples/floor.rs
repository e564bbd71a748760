//! The floor of `bench/compare.sh`: the least any audit must do. Reads each row of a case list
//! with the csv crate (byte records, no decoding, no evaluation) and writes three fields of it
//! back, buffered. Whatever `maaraika audit` costs on top of this is the price of the audit.
//!
//! usage: cargo run --release --example floor -- CASES.csv OUT.csv

use std::fs::File;
use std::io::BufWriter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = &args[..] else {
        return Err("usage: floor CASES.csv OUT.csv".into());
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(File::open(input)?);
    let mut writer =
        csv::Writer::from_writer(BufWriter::with_capacity(1 << 16, File::create(output)?));
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record)? {
        let field = |i| record.get(i).unwrap_or_default();
        writer.write_record([field(0), field(2), field(8)])?;
    }
    writer.flush()?;
    Ok(())
}
