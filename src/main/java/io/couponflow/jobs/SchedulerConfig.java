package io.couponflow.jobs;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler from its core (its Boot starter does nothing on Boot 4). Every feature contributes
 * its tasks as beans; scheduling joins the caller's Spring transaction, so a job exists exactly
 * when the row that asked for it was committed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class SchedulerConfig {

  @Bean(destroyMethod = "")
  Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, JobsProperties properties,
      ObjectProvider<Clock> jobClock) {
    List<Task<?>> known = new ArrayList<>();
    List<RecurringTask<?>> recurring = new ArrayList<>();
    tasks.orderedStream().forEach(task -> {
      if (task instanceof RecurringTask<?> r) {
        recurring.add(r);
      } else {
        known.add(task);
      }
    });
    var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known);
    // a test that moves time registers a db-scheduler Clock, so jobs fall due on its time
    jobClock.ifAvailable(builder::clock);
    return builder
        .startTasks(recurring)
        .threads(properties.threads())
        .pollingInterval(properties.pollingInterval())
        .heartbeatInterval(properties.heartbeat())
        .missedHeartbeatsLimit(properties.missedHeartbeats())
        .enableImmediateExecution()
        .shutdownMaxWait(properties.shutdownWait())
        .schedulerName(new SchedulerName.Fixed(properties.node()))
        .commitWhenAutocommitDisabled(false)
        .build();
  }

  @Bean
  SmartLifecycle schedulerLifecycle(Scheduler scheduler, JobsProperties properties, NodeStopping stopping) {
    return new JobsLifecycle() {
      @Override
      public void start() {
        if (properties.enabled()) {
          scheduler.start();
        }
        running(true);
      }

      @Override
      public void stop() {
        stopping.begin();
        if (properties.enabled()) {
          scheduler.stop();
        }
        running(false);
      }
    };
  }
}
