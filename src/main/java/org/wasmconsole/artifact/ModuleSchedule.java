package org.wasmconsole.artifact;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wasmconsole.security.SystemAuthentication;
import org.wasmconsole.tenant.ConsoleOrganization;

/**
 * Checks every movable url for a moved tag every {@code console.modules.check-interval} (off when zero).
 * Several console instances may share one database: each run first claims the row
 * {@code module_check_lock('drift-check')} by moving its {@code locked_until} from the past to the end
 * of this interval in one UPDATE; only the instance whose UPDATE changed the row runs, the others skip
 * this round.
 */
@Component
@RequiredArgsConstructor
class ModuleSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModuleSchedule.class);
    static final String LOCK = "drift-check";

    private final ModuleSettings settings;
    private final ModuleService modules;
    private final JdbcTemplate jdbc;
    private final ConsoleOrganization organization;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;

    /** Claims this round for this instance; false when another instance has it. */
    boolean claim(Duration hold) {
        Instant now = clock.instant();
        return jdbc.update("update module_check_lock set locked_until = ?, locked_by = ? where name = ?"
                        + " and locked_until <= ?", Timestamp.from(now.plus(hold)), instance, LOCK,
                Timestamp.from(now)) == 1;
    }

    /** One round: when claimed, checks every movable url of the organization as the system user. */
    int runOnce(String organizationName, Duration hold) {
        if (!claim(hold)) {
            log.debug("Drift check skipped: another console instance holds this round");
            return -1;
        }
        int[] checked = new int[1];
        SystemAuthentication.runAsSystem(() -> checked[0] = modules.checkAll(organizationName));
        log.info("Drift check: checked the modules of {} extension urls", checked[0]);
        return checked[0];
    }

    @Override
    public void start() {
        Duration interval = settings.checkInterval();
        if (interval.isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("module-drift-check").factory());
        // Held a little less than the interval, so that the next round of any instance can claim it.
        Duration hold = interval.minus(interval.dividedBy(10));
        timer.scheduleWithFixedDelay(() -> {
            try {
                runOnce(organization.name(), hold);
            } catch (RuntimeException e) {
                log.warn("Drift check failed; trying again in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
