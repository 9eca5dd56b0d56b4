package vn.qualityledger.command.config;

import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines of corrective actions persist in db-scheduler's table (Axon configures its DbSchedulerDeadlineManager when
 * db-scheduler's Scheduler is present). db-scheduler's task looks the deadline manager up by its concrete class, which
 * finds it only once it exists; Axon creates it on first use, so after a restart a deadline already due failed ("no
 * DbSchedulerDeadlineManager") until some command touched an aggregate, and was retried only minutes later. Created
 * at start-up here.
 */
@Configuration
class DeadlineConfiguration {

    @Bean
    SmartInitializingSingleton deadlineManagerAtStartUp(ObjectProvider<DeadlineManager> deadlines) {
        return deadlines::getIfAvailable;
    }
}
