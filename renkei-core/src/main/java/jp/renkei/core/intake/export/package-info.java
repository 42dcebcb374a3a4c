/** Writers that stream observations out of Renkei: CSV for people, IntelMQ JSON lines for CERT pipelines. */
package jp.renkei.core.intake.export;
