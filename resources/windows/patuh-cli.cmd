@echo off
rem patuh-cli: the Patuh administrator CLI of the installed app, e.g. patuh-cli units list
rem Patuh.exe is a GUI program: cmd does not wait for it and its output may not reach the
rem console. Run from this script it is waited for, its output goes through files that
rem are printed here, and its exit code is returned as this script's own.
setlocal
set "PATUH_OUT=%TEMP%\patuh-cli-%RANDOM%%RANDOM%"
"%~dp0Patuh.exe" --cli %* >"%PATUH_OUT%.out" 2>"%PATUH_OUT%.err"
set "PATUH_CODE=%ERRORLEVEL%"
type "%PATUH_OUT%.out"
type "%PATUH_OUT%.err" 1>&2
del "%PATUH_OUT%.out" "%PATUH_OUT%.err" >nul 2>&1
exit /b %PATUH_CODE%
