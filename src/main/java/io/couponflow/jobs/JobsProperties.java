package io.couponflow.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database-backed job queue. A node that dies stops sending heartbeats; after
 * {@code heartbeat × missedHeartbeats} another node takes its jobs over. A node that is stopped
 * waits up to {@code shutdownWait} for running jobs; long ones (imports) hand themselves back at
 * once so another node resumes them. {@code nodeName} is what the queue records as the node
 * running a job (default: host name and process id).
 */
@ConfigurationProperties("couponflow.jobs")
public record JobsProperties(
    @DefaultValue("4") int threads,
    @DefaultValue("500ms") Duration pollingInterval,
    @DefaultValue("5s") Duration heartbeat,
    @DefaultValue("4") int missedHeartbeats,
    @DefaultValue("true") boolean enabled,
    @DefaultValue("15s") Duration shutdownWait,
    @DefaultValue("") String nodeName) {

  /** This node's name: {@code nodeName}, or host name and process id. */
  public String node() {
    if (!nodeName.isBlank()) {
      return nodeName.strip();
    }
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "node";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
