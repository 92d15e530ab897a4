package io.couponflow.workflow;

import io.couponflow.jobs.WakeUpSignal;
import org.springframework.stereotype.Component;

/** Wakes this node's step workers when runs became due here, so new runs never wait for a poll interval. */
@Component
class DueRunsSignal extends WakeUpSignal {}
