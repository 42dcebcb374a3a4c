package jp.renkei.server.intake.mapping;

import java.util.List;
import java.util.Optional;

import jp.renkei.core.intake.ColumnMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The column mappings an organisation saved for {@code notice} and {@code csv} imports. */
@Service
public class ColumnMappings {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ColumnMappings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Validates and saves (creates or replaces) a mapping of the organisation.
     *
     * @throws IllegalArgumentException naming the field at fault; nothing is stored then
     */
    public SavedMapping save(long organisationId, String actor, String name, MappingDefinition definition) {
        definition.toColumnMapping(name);
        jdbc.sql("""
                insert into column_mapping (organisation_id, name, definition, updated_by)
                values (?, ?, cast(? as jsonb), ?)
                on conflict (organisation_id, name)
                do update set definition = excluded.definition, updated_by = excluded.updated_by, updated_at = now()""")
                .params(organisationId, name, json.writeValueAsString(definition), actor)
                .update();
        return find(organisationId, name).orElseThrow();
    }

    /** The organisation's saved mapping of that name. */
    public Optional<SavedMapping> find(long organisationId, String name) {
        return jdbc.sql("select * from column_mapping where organisation_id = ? and name = ?")
                .params(organisationId, name)
                .query(this::saved)
                .optional();
    }

    /** The core mapping of that name, ready for a reader; empty when the organisation has none. */
    public Optional<ColumnMapping> columnMapping(long organisationId, String name) {
        return find(organisationId, name).map(m -> m.definition().toColumnMapping(m.name()));
    }

    /** All mappings of the organisation, by name. */
    public List<SavedMapping> list(long organisationId) {
        return jdbc.sql("select * from column_mapping where organisation_id = ? order by name")
                .param(organisationId)
                .query(this::saved)
                .list();
    }

    private SavedMapping saved(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SavedMapping(rs.getString("name"), json.readValue(rs.getString("definition"), MappingDefinition.class),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
