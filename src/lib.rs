//! execscope (work in progress: the core is being written).
