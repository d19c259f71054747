#!/bin/sh
# coding: foobar
