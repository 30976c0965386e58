//! `bevidst simulate`: writes realistic collections of completion logs for tests, demos and
//! the benchmark.

pub mod courses;
