package io.couponflow.workflow;

/** One arm of a split test: the child set a share of the contacts draw from, and its weight. */
public record SplitShare(Long childSetId, Integer weight) {}
