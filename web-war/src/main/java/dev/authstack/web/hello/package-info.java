/** The hello page: what the API's protected /hello answers for the signed-in user. */
package dev.authstack.web.hello;
