/**
 * Platform: organisations (tenants), users, roles, API tokens, the audit log, the import log and
 * the database the rest of Renkei runs on. Every other module depends on it; it depends on none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        allowedDependencies = {})
package jp.renkei.server.platform;
