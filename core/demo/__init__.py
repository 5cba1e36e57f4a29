"""The demo city: a deterministic, realistic Yiwu-sized data set for trying and testing."""
