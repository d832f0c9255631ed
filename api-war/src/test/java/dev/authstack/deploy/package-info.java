/**
 * Tests of the deployment files that can be checked without a container engine: the compose file's structure, the
 * Containerfiles, and sql/ initialising an empty database as the postgres image would. nginx in front of a running
 * stack is tested in web-war, where both WARs run.
 */
package dev.authstack.deploy;
