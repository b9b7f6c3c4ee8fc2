package io.inferscale.gateway.adapter.jdbc;

import io.inferscale.gateway.domain.PolicySelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-reads policy assignments so that a change made through any gateway reaches all of them within
 * one refresh. If the database is unreachable the last assignments stay in force (fail static).
 */
@Component
public class PolicyRefresher {
    private static final Logger log = LoggerFactory.getLogger(PolicyRefresher.class);
    private final ModelPolicyRepository repository;
    private final PolicySelection selection;

    public PolicyRefresher(ModelPolicyRepository repository, PolicySelection selection) {
        this.repository = repository;
        this.selection = selection;
    }

    @Scheduled(fixedDelayString = "${inferscale.gateway.policy-refresh:5s}")
    public void refresh() {
        try {
            selection.assignAll(repository.all());
        } catch (DataAccessException e) {
            log.warn(
                    "keeping the current routing policies: cannot read assignments ({})",
                    e.getMostSpecificCause().toString());
        }
    }
}
