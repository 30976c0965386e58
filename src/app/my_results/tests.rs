//! Tests of »Mine resultater».
