"""Synthetic corpora and benchmarks: invented wire reports with the facts they state."""

from bench.generator import CorpusSummary, generate_corpus

__all__ = ["CorpusSummary", "generate_corpus"]
