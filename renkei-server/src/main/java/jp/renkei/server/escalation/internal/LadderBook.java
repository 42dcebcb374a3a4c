package jp.renkei.server.escalation.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.renkei.core.escalation.Ladder;
import jp.renkei.server.escalation.ExperimentDraft;
import jp.renkei.server.escalation.LadderChange;
import jp.renkei.server.escalation.LadderConfiguration;
import jp.renkei.server.escalation.LadderDraft;
import jp.renkei.server.escalation.LadderSetup;
import jp.renkei.server.escalation.Ladders;
import jp.renkei.server.platform.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** {@link Ladders} over JDBC, and which ladder a new case gets. Changes are audited. */
@Service
class LadderBook implements Ladders {

    /** The ladder version a new case runs, and the experiment and arm when it was drawn. */
    record Assignment(StoredLadder ladder, Optional<String> experiment, Optional<String> arm) {
    }

    private final LadderStore store;
    private final SettingStore settings;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId displayZone;

    LadderBook(LadderStore store, SettingStore settings, AuditLog audit, Clock clock,
            @Value("${renkei.display-zone:Asia/Tokyo}") String displayZone) {
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.displayZone = ZoneId.of(displayZone);
    }

    @Override
    public LadderSetup setup(long organisationId) {
        List<Ladder> ladders = new ArrayList<>(
                store.latestOfEach(organisationId).stream().map(StoredLadder::ladder).toList());
        if (ladders.stream().noneMatch(l -> l.name().equals(BUILT_IN))) {
            ladders.add(0, LadderStore.builtIn(BUILT_IN, 1));
        }
        return new LadderSetup(List.copyOf(ladders), settings.defaultName(organisationId),
                settings.experiment(organisationId));
    }

    @Override
    public Optional<Ladder> latest(long organisationId, String name) {
        Optional<Ladder> stored = store.latest(organisationId, name).map(StoredLadder::ladder);
        return stored.isPresent() || !BUILT_IN.equals(name) ? stored : Optional.of(LadderStore.builtIn(BUILT_IN, 1));
    }

    @Override
    @Transactional
    public LadderChange save(long organisationId, String actor, LadderDraft draft) {
        DraftCheck.Checked checked;
        try {
            checked = DraftCheck.check(draft, displayZone);
        } catch (DraftCheck.Invalid e) {
            return e.rejected();
        }
        Optional<Ladder> current = latest(organisationId, checked.name());
        if (current.isPresent() && current.get().steps().equals(checked.steps())
                && current.get().quietHours().equals(checked.quietHours())) {
            // Saving what is there already makes no version: cases compare by version.
            return new LadderChange.Saved(checked.name() + "@" + current.get().version());
        }
        if (current.isPresent() && store.latest(organisationId, checked.name()).isEmpty()) {
            store.storeBuiltIn(organisationId, checked.name()); // the built-in version 1 exists before the edit
        }
        StoredLadder saved;
        try {
            saved = store.insertNextVersion(organisationId, checked.name(), checked.steps(), checked.quietHours(), actor);
        } catch (DuplicateKeyException e) {
            return new LadderChange.Rejected("name", "someone saved " + checked.name() + " at the same time; reload and"
                    + " try again");
        }
        audit.record(organisationId, actor, "ladder-saved", saved.label(), describe(saved.ladder()));
        return new LadderChange.Saved(saved.label());
    }

    @Override
    @Transactional
    public LadderChange chooseDefault(long organisationId, String actor, String name) {
        String ladder;
        try {
            ladder = DraftCheck.name("default", name);
        } catch (DraftCheck.Invalid e) {
            return e.rejected();
        }
        if (latest(organisationId, ladder).isEmpty()) {
            return new LadderChange.Rejected("default", "there is no ladder called " + ladder);
        }
        settings.chooseDefault(organisationId, ladder, actor, clock.instant());
        audit.record(organisationId, actor, "ladder-default-chosen", ladder, "");
        return new LadderChange.Saved(ladder);
    }

    @Override
    @Transactional
    public LadderChange startExperiment(long organisationId, String actor, ExperimentDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 80) {
            return new LadderChange.Rejected("experiment.name", "an experiment needs a name of at most 80 characters");
        }
        List<LadderSetup.Arm> arms = draft.arms() == null ? List.of() : draft.arms();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < arms.size(); i++) {
            String field = "experiment.arms[" + i + "]";
            String ladder;
            try {
                ladder = DraftCheck.name(field + ".ladder", arms.get(i).ladder());
            } catch (DraftCheck.Invalid e) {
                return e.rejected();
            }
            if (latest(organisationId, ladder).isEmpty()) {
                return new LadderChange.Rejected(field + ".ladder", "there is no ladder called " + ladder);
            }
            if (!seen.add(ladder)) {
                return new LadderChange.Rejected(field + ".ladder", ladder + " is an arm twice; give it a larger weight");
            }
            if (arms.get(i).weight() < 1 || arms.get(i).weight() > 100) {
                return new LadderChange.Rejected(field + ".weight", "weight " + arms.get(i).weight()
                        + " is not between 1 and 100");
            }
        }
        if (seen.size() < 2) {
            return new LadderChange.Rejected("experiment.arms", "an experiment compares two or more ladders");
        }
        String seed = draft.seed() == null || draft.seed().isBlank() ? UUID.randomUUID().toString() : draft.seed().strip();
        List<LadderSetup.Arm> stripped = arms.stream()
                .map(a -> new LadderSetup.Arm(a.ladder().strip(), a.weight())).toList();
        settings.startExperiment(organisationId, new LadderSetup.Experiment(name, seed, stripped), actor,
                clock.instant());
        audit.record(organisationId, actor, "ladder-experiment-started", name,
                String.join(", ", arms.stream().map(a -> a.ladder().strip() + " ×" + a.weight()).toList()));
        return new LadderChange.Saved(name);
    }

    @Override
    @Transactional
    public void endExperiment(long organisationId, String actor) {
        Optional<LadderSetup.Experiment> running = settings.experiment(organisationId);
        if (running.isPresent()) {
            settings.endExperiment(organisationId);
            audit.record(organisationId, actor, "ladder-experiment-ended", running.get().name(), "");
        }
    }

    @Override
    @Transactional
    public LadderChange configure(long organisationId, String actor, LadderConfiguration configuration) {
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < configuration.ladders().size(); i++) {
            LadderChange change = save(organisationId, actor, configuration.ladders().get(i));
            if (change instanceof LadderChange.Rejected r) {
                return rollBack(new LadderChange.Rejected("ladders[" + i + "]." + r.field(), r.detail()));
            }
            saved.add(((LadderChange.Saved) change).what());
        }
        if (configuration.defaultLadder().isPresent()) {
            LadderChange change = chooseDefault(organisationId, actor, configuration.defaultLadder().get());
            if (change instanceof LadderChange.Rejected r) {
                return rollBack(r);
            }
        }
        if (configuration.endExperiment()) {
            endExperiment(organisationId, actor);
        } else if (configuration.experiment().isPresent() && !running(organisationId, configuration.experiment().get())) {
            LadderChange change = startExperiment(organisationId, actor, configuration.experiment().get());
            if (change instanceof LadderChange.Rejected r) {
                return rollBack(r);
            }
        }
        return new LadderChange.Saved(String.join(", ", saved));
    }

    private boolean running(long organisationId, ExperimentDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        return settings.experiment(organisationId).filter(e -> e.name().equals(name)
                && (draft.seed() == null || draft.seed().isBlank() || e.seed().equals(draft.seed().strip()))
                && e.arms().equals(draft.arms() == null ? List.of() : draft.arms()))
                .isPresent();
    }

    private static LadderChange rollBack(LadderChange.Rejected rejected) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return rejected;
    }

    /**
     * The ladder a new case runs: an arm of the experiment when one runs, otherwise the latest
     * version of the default (the built-in ladder, stored on first use, when none was chosen).
     */
    Assignment assign(long organisationId, long caseId) {
        Optional<LadderSetup.Experiment> experiment = settings.experiment(organisationId);
        if (experiment.isPresent()) {
            String arm = experiment.get().draw(caseId);
            return new Assignment(latestStored(organisationId, arm), Optional.of(experiment.get().name()),
                    Optional.of(arm));
        }
        return new Assignment(latestStored(organisationId, settings.defaultName(organisationId)), Optional.empty(),
                Optional.empty());
    }

    private StoredLadder latestStored(long organisationId, String name) {
        return store.latest(organisationId, name).orElseGet(() -> {
            if (!BUILT_IN.equals(name)) {
                throw new IllegalStateException("ladder " + name + " of organisation " + organisationId + " is gone");
            }
            return store.storeBuiltIn(organisationId, name);
        });
    }

    private static String describe(Ladder ladder) {
        return String.join(", ", ladder.steps().stream()
                .map(s -> DraftCheck.describe(s.after()) + " " + s.channel().code()).toList())
                + (ladder.quietHours().isEmpty() ? "" : "; quiet " + ladder.quietHours().start() + "–"
                        + ladder.quietHours().end() + " " + ladder.quietHours().zone());
    }
}
