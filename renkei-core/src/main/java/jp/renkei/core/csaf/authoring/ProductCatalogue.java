package jp.renkei.core.csaf.authoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a vendor's catalogue an advisory speaks about: device models, their firmware versions,
 * and which firmware runs on which model. The advisory's product tree is built from exactly this.
 */
public record ProductCatalogue(String vendor, List<Model> models) {

    /**
     * A device model. {@code endOfSupport} in the past (at the advisory's release) makes it end-of-life;
     * {@code successor} is the model owners are advised to replace it with.
     */
    public record Model(
            String modelNumber,
            String name,
            Optional<LocalDate> endOfSupport,
            Optional<String> successor,
            List<Firmware> firmware) {

        public Model {
            Objects.requireNonNull(modelNumber, "modelNumber");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(endOfSupport, "endOfSupport");
            Objects.requireNonNull(successor, "successor");
            firmware = List.copyOf(firmware);
        }

        /** A supported model. */
        public static Model supported(String modelNumber, String name, List<Firmware> firmware) {
            return new Model(modelNumber, name, Optional.empty(), Optional.empty(), firmware);
        }

        /** A model whose support ended on {@code endOfSupport}, to be replaced by {@code successor}. */
        public static Model endOfLife(String modelNumber, String name, LocalDate endOfSupport, String successor,
                List<Firmware> firmware) {
            return new Model(modelNumber, name, Optional.of(endOfSupport), Optional.of(successor), firmware);
        }

        /** Whether support had ended before {@code day}. */
        public boolean endOfLifeOn(LocalDate day) {
            return endOfSupport.filter(d -> d.isBefore(day)).isPresent();
        }
    }

    /**
     * A firmware version built for its model; the same image also runs on the models in
     * {@code alsoRunsOn} (model numbers).
     */
    public record Firmware(String version, List<String> alsoRunsOn) {

        public Firmware {
            Objects.requireNonNull(version, "version");
            alsoRunsOn = List.copyOf(alsoRunsOn);
        }

        /** Firmware that runs on its own model only. */
        public static Firmware of(String version) {
            return new Firmware(version, List.of());
        }
    }

    public ProductCatalogue {
        Objects.requireNonNull(vendor, "vendor");
        models = List.copyOf(models);
    }
}
