fn main() {
    for data in [&b"h1;h2\na;b\nc;d\n"[..], b"h1;h2\r\na;b\r\nc;d\r\n", b"h1;h2\n\n\na;b\n;\nc;d", b"h1;h2\r\n\r\n\r\na;b\r\n\"x\ny\";z\r\nc;d", b"h\n\"abc\ndef"] {
        let mut r = csv::ReaderBuilder::new().delimiter(b';').has_headers(false).flexible(true).from_reader(data);
        let mut rec = csv::ByteRecord::new();
        while r.read_byte_record(&mut rec).unwrap() {
            println!("{:?} line {} byte {} | after {} {}", rec, rec.position().unwrap().line(), rec.position().unwrap().byte(), r.position().line(), r.position().byte());
        }
        println!("--");
    }
}
