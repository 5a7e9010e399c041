package org.wasmconsole.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap growth of one piece of work, two ways:
 * <ul>
 * <li><b>live</b>: the largest heap occupancy right after any GC during the work (GC notifications,
 *     summed over the heap pools) minus the occupancy after {@code System.gc()} before it. That is
 *     what the work keeps reachable (plus some floating garbage), and what "constant memory" is about.
 *     Needs at least one GC during the work; the caller reports how many there were.</li>
 * <li><b>peak</b>: the heap pools' peak usage (reset before) minus the usage before: includes the
 *     garbage not yet collected, so it mostly shows the young generation's size.</li>
 * </ul>
 */
final class HeapWatch implements NotificationListener {

    record Reading(long liveGrowth, long peakGrowth, int collections) {
    }

    private final long before;
    private final Set<String> heapPools;
    private final AtomicLong maxAfterGc = new AtomicLong(-1);
    private final AtomicInteger collections = new AtomicInteger();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();

    private HeapWatch() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (GarbageCollectorMXBean gc : collectors) {
            ((NotificationEmitter) gc).addNotificationListener(this, null, null);
        }
    }

    static HeapWatch start() {
        return new HeapWatch();
    }

    Reading stop() {
        for (GarbageCollectorMXBean gc : collectors) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(this);
            } catch (javax.management.ListenerNotFoundException e) {
                // not registered: nothing to remove
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long live = maxAfterGc.get();
        return new Reading(live < 0 ? -1 : Math.max(0, live - before), Math.max(0, peak - before),
                collections.get());
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                MemoryUsage u = e.getValue();
                used += u.getUsed();
            }
        }
        collections.incrementAndGet();
        long u = used;
        maxAfterGc.accumulateAndGet(u, Math::max);
    }
}
