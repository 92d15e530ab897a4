package io.couponflow.webhook;

import io.couponflow.jobs.WakeUpSignal;
import org.springframework.stereotype.Component;

/** Wakes this node's delivery workers when it wrote outbox rows, so a new event never waits for a poll. */
@Component
class DeliverySignal extends WakeUpSignal {}
