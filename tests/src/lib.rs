//! Integration and compile-fail tests of tencent-errors live in `tests/`.
